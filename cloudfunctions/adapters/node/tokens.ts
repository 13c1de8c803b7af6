import { createHash, randomBytes, randomInt } from 'node:crypto'
import { type Tokens } from '../../core/ports'
import { INVITE_CODE_ALPHABET, INVITE_CODE_LENGTH } from '../../contracts/vocabulary'

/** node:crypto behind the Tokens port: the same in the cloud and on a laptop. */
export const nodeTokens: Tokens = {
  // 32 bytes = 256 bits, 43 base64url characters.
  randomToken: () => randomBytes(32).toString('base64url'),
  randomCode: () => Array.from({ length: INVITE_CODE_LENGTH }, () => INVITE_CODE_ALPHABET[randomInt(INVITE_CODE_ALPHABET.length)]).join(''),
  hash: (value) => createHash('sha256').update(value, 'utf8').digest('hex'),
}

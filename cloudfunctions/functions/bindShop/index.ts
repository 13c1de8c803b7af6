import { callable } from '../define'
import { bindShop } from '../../core/binding'

export default callable({
  name: 'bindShop',
  // The cloud phone verifier decodes getPhoneNumber codes through this open API.
  openapi: ['phonenumber.getPhoneNumber'],
  run: ({ licenseNo, phoneCode }, { deps, caller }) => bindShop(deps, caller, licenseNo, phoneCode),
})

import { callable } from '../define'
import { bindRetailer } from '../../core/binding'

export default callable({
  name: 'bindRetailer',
  // The cloud phone verifier decodes getPhoneNumber codes through this open API.
  openapi: ['phonenumber.getPhoneNumber'],
  run: ({ licenseNo, phoneCode }, { deps, caller }) => bindRetailer(deps, caller, licenseNo, phoneCode),
})

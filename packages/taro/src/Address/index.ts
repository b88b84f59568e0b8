// The Address components (each exported here as it lands).
export { AddressCard, type AddressCardProps } from './AddressCard'
export { AddressForm, type AddressFormProps } from './AddressForm'
export {
  type RememberedAddress,
  type UseRememberedAddressOptions,
  useRememberedAddress,
} from './useRememberedAddress'

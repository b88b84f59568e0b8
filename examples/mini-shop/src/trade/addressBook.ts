import { taroAddress, taroStorage, useRememberedAddress } from '@tradekit/taro'
import { storedSession } from './session'

// The address book of the checkout: the user's last shipping address, kept per user in Taro
// storage (`tradekit:mini-shop:<userId>:address`, the cart's namespace), and the platform's address
// picker (`tt.chooseAddress` / `wx.chooseAddress`; none on H5, where AddressCard offers its form).
const storage = taroStorage()

/** The platform's address picker, made once. */
export const addressPort = taroAddress()

/** The signed-in user's remembered shipping address (`useRememberedAddress`). */
export function useShopAddress() {
  return useRememberedAddress({ storage, namespace: 'mini-shop', userId: storedSession()?.userId })
}

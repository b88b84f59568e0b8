const zh = {
  'address.title': '收货地址',
  'address.add': '添加收货地址',
  'address.change': '修改收货地址',
  'address.chosen': '收货地址：{name}，{phone}，{address}',
  'address.required': '请添加收货地址',
  'address.denied': '未获得地址授权，请手动填写收货地址',
  'address.unavailable': '请手动填写收货地址',
  'address.formTitle': '填写收货地址',
  'address.name': '收货人',
  'address.namePlaceholder': '收货人姓名',
  'address.phone': '手机号',
  'address.phonePlaceholder': '11 位手机号',
  'address.region': '所在地区',
  'address.regionPlaceholder': '选择省 / 市 / 区',
  'address.province': '省份',
  'address.provincePlaceholder': '省',
  'address.city': '城市',
  'address.cityPlaceholder': '市',
  'address.district': '区县',
  'address.districtPlaceholder': '区 / 县',
  'address.detail': '详细地址',
  'address.detailPlaceholder': '街道、楼栋、门牌号',
  'address.save': '保存地址',
  'address.cancel': '取消',
  'address.error.nameRequired': '请填写收货人',
  'address.error.nameTooLong': '收货人最多 25 个字',
  'address.error.phoneRequired': '请填写手机号',
  'address.error.phoneInvalid': '请输入正确的 11 位手机号',
  'address.error.regionRequired': '请选择所在地区',
  'address.error.detailRequired': '请填写详细地址',
  'address.error.detailTooShort': '详细地址至少 4 个字',
  'address.error.detailTooLong': '详细地址最多 120 个字',
  'address.error.postalCodeInvalid': '请输入 6 位邮编',
}

/** A key of the catalogue part for shipping addresses (AddressForm, AddressCard). */
export type AddressMessageKey = keyof typeof zh

/**
 * The text of shipping addresses (AddressForm, AddressCard), in zh-CN. English is the en-US pack,
 * `enUS` from `@tradekit/core/locales/en-US`, passed as `messages`.
 */
export const addressMessages: { readonly 'zh-CN': Readonly<Record<AddressMessageKey, string>> } = {
  'zh-CN': zh,
}

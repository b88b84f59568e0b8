/** True in Taro's H5 build (HTML elements), false in the mini-program builds. */
export const isH5 = process.env.TARO_ENV === 'h5'

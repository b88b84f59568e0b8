import type { Plugin, UserConfig } from 'vite'

/** Options of the preset (`addons: [{ name: '@tradekit/storybook-preset-taro', options }]`). */
export interface TaroPresetOptions {
  /**
   * The design width `Taro.pxTransform` converts from, as in your Taro config.
   * @default 750
   */
  designWidth?: number
  /**
   * Taro's `deviceRatio` table.
   * @default { 375: 2, 640: 1.17, 750: 1, 828: 0.905 }
   */
  deviceRatio?: Record<number, number>
}

/** The build-time constants Taro's runtime reads (`process.env.TARO_ENV` = `'h5'`, …). */
export declare const taroDefine: Record<string, string>
/** `@tarojs/components` → `@tarojs/components-react`, `@tarojs/taro` → the H5 API. */
export declare const taroAlias: { find: RegExp; replacement: string }[]
/** Drops the `sourceMappingURL` comments of `@tarojs/*` files, whose maps are not published. */
export declare function stripTaroSourceMaps(): Plugin
/** Taro's default `deviceRatio`, plus the entry a 375-wide design needs. */
export declare const defaultDeviceRatio: Record<number, number>
/** Serves the options to the preview, which calls `Taro.initPxTransform` with them. */
export declare function taroOptions(options?: TaroPresetOptions): Plugin
/** The whole integration as one Vite config fragment, for `mergeConfig(config, taroVite())`. */
export declare function taroVite(options?: TaroPresetOptions): UserConfig

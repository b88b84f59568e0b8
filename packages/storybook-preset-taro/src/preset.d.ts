import type { UserConfig } from 'vite'
import type { TaroPresetOptions } from './vite.js'

export type { TaroPresetOptions } from './vite.js'

/** Adds Taro's H5 components and API, its constants and the px transform options to the Vite config. */
export declare function viteFinal(config: UserConfig, options: TaroPresetOptions): Promise<UserConfig>

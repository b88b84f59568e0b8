import { copyFileSync, mkdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import { defineConfig, type Options } from 'tsup'
import { filesUnder } from '../../scripts/tsupEntries'

type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number]

// One entry per component file, all emitted flat into dist/, so that every chunk sits beside the
// CSS files and an app that imports one component only gets that component's CSS.
const componentEntries = Object.fromEntries(
  filesUnder('src', (name) => /^[A-Z]\w*\.tsx$/.test(name)).map((file) => [basename(file, '.tsx'), file]),
)

const cssFiles = filesUnder('src', (name) => name.endsWith('.css'))
const cssNames = cssFiles.map((file) => basename(file))
const duplicate = cssNames.find((name, i) => cssNames.indexOf(name) !== i)
if (duplicate) throw new Error(`Two CSS files are named ${duplicate}: dist/ is flat, names must be unique`)

// Keep `import './X.css'` in the output (mini-programs have no `document` to inject styles into);
// the app's bundler compiles the CSS into the page stylesheet.
const keepCssImports: EsbuildPlugin = {
  name: 'tradekit-keep-css-imports',
  setup(build) {
    build.onResolve({ filter: /\.css$/ }, (args) => ({ path: `./${basename(args.path)}`, external: true }))
  },
}

export default defineConfig({
  entry: { index: 'src/index.ts', ...componentEntries },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  splitting: true,
  target: 'es2018',
  treeshake: true,
  external: ['react', 'react/jsx-runtime', /^@tarojs\//, /^@tradekit\//],
  esbuildPlugins: [keepCssImports],
  onSuccess: async () => {
    mkdirSync('dist', { recursive: true })
    for (const file of cssFiles) copyFileSync(file, join('dist', basename(file)))
  },
})

// Files the stories import through Vite: an SVG or Markdown file's text (`?raw`).
declare module '*.svg?raw' {
  const text: string
  export default text
}

declare module '*.md?raw' {
  const text: string
  export default text
}

// Not an app: `taro build native-components` needs an entry file, and drops it from the output.
export default {}

// The component's JSON: a native custom component.
export default { component: true }

// The Orders components (each exported here as it lands).
export {}

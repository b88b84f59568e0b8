// The Address components (each exported here as it lands).
export {}

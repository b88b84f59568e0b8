// The Sku components (each exported here as it lands).
export {}

// Package names holds queue names for another package.
package names

// Orders is a FIFO queue name.
const Orders = "orders.fifo"

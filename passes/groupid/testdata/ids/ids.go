// Package ids holds helpers whose results other packages use as ids.
package ids

import "os"

var streamGroup = os.Getenv("STREAM_GROUP")

// StreamGroup is the same for the whole process.
func StreamGroup() string { return streamGroup }

// Region is exported and only set at startup.
var Region = "eu-west-1"

// ForTenant derives a group from a tenant.
func ForTenant(tenant string) string { return "tenant-" + tenant }

// Package testfiles has its only sends in a test file.
package testfiles

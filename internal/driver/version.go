package driver

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
)

// toolVersion is the module version of the running binary, such as
// "v0.3.0" after go install ...@v0.3.0, or "(devel)".
func toolVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

// vcsInfo returns the build's VCS settings as "key=value" words
// (vcs.revision, vcs.time, vcs.modified), or nil if the binary has none:
// it was built by go install pkg@version, outside a repository, or with
// -buildvcs=false.
func vcsInfo() []string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return nil
	}
	var words []string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision", "vcs.time", "vcs.modified":
			words = append(words, s.Key+"="+s.Value)
		}
	}
	return words
}

// printVersion implements -version: the module version, then the VCS
// revision when the build recorded one, then the Go release, e.g.
//
//	fifolint (devel) vcs.revision=0123abcd... vcs.time=... vcs.modified=false go1.26.8
//	fifolint v0.3.0 go1.26.8
func printVersion(w io.Writer, progname string) {
	words := append([]string{progname, toolVersion()}, vcsInfo()...)
	fmt.Fprintln(w, strings.Join(append(words, runtime.Version()), " "))
}

// printVetVersion answers -V=full, the question go vet and go fix ask a
// tool to key their result caches:
//
//	fifolint version devel (devel) vcs.revision=... go1.26.8 buildID=<sha256 of the binary>
//
// The go command takes the content ID after "buildID=" when the third word
// is "devel", and the whole line otherwise. So the line always says
// "devel" and ends in a hash of the executable, as unitchecker's does: a
// rebuilt binary never replays results cached by another build of the
// same version. The words in between are for people.
func printVetVersion(w io.Writer, progname string) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	f, err := os.Open(exe)
	if err != nil {
		return err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return err
	}
	words := append([]string{progname, "version", "devel", toolVersion()}, vcsInfo()...)
	words = append(words, runtime.Version(), fmt.Sprintf("buildID=%x", h.Sum(nil)))
	_, err = fmt.Fprintln(w, strings.Join(words, " "))
	return err
}

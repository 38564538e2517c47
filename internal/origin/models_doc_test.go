package origin

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fifolint/fifolint/internal/fifoapi"
)

// TestModelsDocumented checks that docs/models.md names every
// third-party function of the built-in tables: the page is how users of
// standalone fifolint learn which libraries need no -dedupid flag.
func TestModelsDocumented(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "models.md"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(doc)
	for key := range models {
		path, name := splitModelKey(key)
		first, _, _ := strings.Cut(path, "/")
		if !strings.Contains(first, ".") || fifoapi.IsSDKPath(path) {
			continue // std and the SDK are summarized, not listed
		}
		if !strings.Contains(text, "`"+path+"`") {
			t.Errorf("docs/models.md does not list package %s (model %s)", path, key)
			continue
		}
		if name != "*" && !strings.Contains(text, "`"+name+"`") {
			t.Errorf("docs/models.md does not list %s of %s", name, path)
		}
	}
}

package fifoapi

import "go/types"

// Messaging libraries that carry the FIFO ids in a message's metadata map
// and copy them to MessageGroupId and MessageDeduplicationId when they send
// to SNS or SQS.
const (
	// GoCloudAWS is gocloud.dev's SNS/SQS driver; pubsub.Message.Metadata
	// takes its keys.
	GoCloudAWS = "gocloud.dev/pubsub/awssnssqs"
	// WatermillSNS is watermill-aws's SNS publisher; message.Metadata takes
	// its keys. (Its SQS publisher has no FIFO keys.)
	WatermillSNS = "github.com/ThreeDotsLabs/watermill-aws/sns"
	// WatermillMessage defines watermill's message.Metadata.
	WatermillMessage = "github.com/ThreeDotsLabs/watermill/message"
)

// metadataKeys are the library constants naming a FIFO id in metadata,
// by package path and constant name.
var metadataKeys = map[[2]string]IDField{
	{GoCloudAWS, "MetadataKeyMessageGroupID"}:             GroupID,
	{GoCloudAWS, "MetadataKeyDeduplicationID"}:            DedupID,
	{WatermillSNS, "MessageGroupIdMetadataField"}:         GroupID,
	{WatermillSNS, "MessageDeduplicationIdMetadataField"}: DedupID,
}

// MetadataKey reports whether c is a library's metadata key for a FIFO
// id, such as awssnssqs.MetadataKeyMessageGroupID.
func MetadataKey(c *types.Const) (IDField, bool) {
	if c == nil || c.Pkg() == nil {
		return 0, false
	}
	f, ok := metadataKeys[[2]string{TrimVendor(c.Pkg().Path()), c.Name()}]
	return f, ok
}

// IsMetadataSetter reports whether fn is watermill's
// message.Metadata.Set(key, value).
func IsMetadataSetter(fn *types.Func) bool {
	return fn.Pkg() != nil && TrimVendor(fn.Pkg().Path()) == WatermillMessage && RecvName(fn) == "Metadata" && fn.Name() == "Set"
}

// UsesLibrary reports whether pkg imports a package whose metadata keys
// name FIFO ids.
func UsesLibrary(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if IsLibraryPath(imp.Path()) {
			return true
		}
	}
	return false
}

// IsLibraryPath reports whether path is a package whose metadata keys name
// FIFO ids.
func IsLibraryPath(path string) bool {
	switch TrimVendor(path) {
	case GoCloudAWS, WatermillSNS:
		return true
	}
	return false
}

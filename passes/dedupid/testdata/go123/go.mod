module example.com/go123

go 1.23

require (
	github.com/aws/aws-sdk-go v1.55.8
	github.com/aws/aws-sdk-go-v2 v1.39.0
	github.com/aws/aws-sdk-go-v2/service/sqs v1.36.3
)

require (
	github.com/aws/aws-sdk-go-v2/internal/configsources v1.3.22 // indirect
	github.com/aws/aws-sdk-go-v2/internal/endpoints/v2 v2.6.22 // indirect
	github.com/aws/smithy-go v1.23.0 // indirect
	github.com/jmespath/go-jmespath v0.4.0 // indirect
)

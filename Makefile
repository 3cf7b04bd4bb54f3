# vigie — the commands the README names. `make test` is what CI runs.
GO ?= go
FUZZTIME ?= 45s

.PHONY: test race vet demo build bench eval fuzz

## test: vet, then the whole test suite: every package with the race
## detector but store/quality, which scores the held-out sets (deterministic
## measurements of code that store/resolve's own tests run under the race
## detector) and took 16 of CI's 25 minutes under it; `make race` runs all
test: vet
	$(GO) test -race -timeout 30m $$($(GO) list ./... | grep -v '/store/quality$$')
	$(GO) test -timeout 30m ./store/quality

## race: every package with the race detector, store/quality included
race: vet
	$(GO) test -race -timeout 45m ./...

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l cmd bot rules store)" || (gofmt -l cmd bot rules store; echo "gofmt needed"; exit 1)

## build: the one binary, ./vigie
build:
	$(GO) build -trimpath -o vigie ./cmd/vigie

## demo: the fictional scenario in the terminal console
demo:
	$(GO) run ./cmd/vigie demo

## eval: matching quality on the development data (../shared/data)
eval:
	$(GO) run ./cmd/vigie eval

## bench: performance figures at scale (not part of `make test`)
PEOPLE ?= 200000
bench:
	$(GO) run ./cmd/vigie bench --people $(PEOPLE) --queries 2000 --postgres --json store/quality/testdata/bench-latest.json
	$(GO) test -run '^$$' -bench . -benchtime 1x ./rules/ ./store/names/ ./store/match/

## fuzz: every fuzz target for FUZZTIME each
fuzz:
	@for t in \
	  "./store/names FuzzParse" "./store/names FuzzThaiWord" "./store/names FuzzMyanmarWord" "./store/names FuzzArabicMeets" "./store/names FuzzKanjiReadings" "./store/names FuzzHanjaReadings" "./store/names FuzzHangulChineseReadings" "./store/match FuzzMistyped" "./store/match FuzzParseDate" "./store/match FuzzYearRange" "./store/match FuzzSplitNameValue" "./store/match FuzzNormalizeIdentifier" "./store/match FuzzCompare" "./store/match FuzzPlace" "./store/match FuzzDateInIdentityNumber" \
	  "./store/resolve FuzzParseQuery" "./store/resolve FuzzDecodeFeatures" "./store/resolve FuzzRespaced" "./store/ftm FuzzReader" \
	  "./store/mapping FuzzParse" "./store/mapping FuzzRows" "./store/graph FuzzParseInnocent" \
	  "./rules FuzzLoad" "./rules FuzzCompile" "./rules/watch FuzzParseTarget" "./rules/watch FuzzParseTerm" \
	  "./cmd/vigie FuzzMemoryLimit" "./bot/command FuzzParse" "./bot FuzzSlashForm" "./bot/page FuzzSplit" "./bot/signed FuzzOpen"; do \
	  set -- $$t; echo "== $$1 $$2"; $(GO) test -run '^$$' -fuzz "^$$2$$" -fuzztime $(FUZZTIME) $$1 || exit 1; done

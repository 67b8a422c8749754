# RevOps API. Needs only a JDK 17+: Maven comes through ./mvnw, PostgreSQL as an embedded server from Maven Central.
MVN ?= ./mvnw -B $(if $(CI),-ntp,)
JAR := target/quarkus-app/quarkus-run.jar
SOURCES := pom.xml $(shell find src/main src/test/java/org/revops/devrun -type f 2>/dev/null)

.PHONY: run test build openapi bench bench-funnel bench-territories bench-leads bench-leads-training bench-forecast bench-batch bench-imports bench-webhooks docker clean

## run: build if needed, then start the API on :8080 with an embedded PostgreSQL kept in .data/
run: $(JAR)
	java -cp "target/test-classes:$$(cat target/launcher.classpath)" org.revops.devrun.DevLauncher .data $(JAR)

build: $(JAR)

$(JAR): $(SOURCES)
	$(MVN) -q package -DskipTests

## test: the whole suite on an embedded PostgreSQL (or REVOPS_TEST_DB_URL)
test:
	$(MVN) test

## openapi: refresh the committed contracts openapi/openapi.yaml and openapi/schema.graphql
openapi:
	$(MVN) test -Dtest=ContractTest -Drevops.update-contracts=true -Dsurefire.failIfNoSpecifiedTests=false

## bench: load benchmarks against 100k opportunities (see bench/README.md)
bench: $(JAR)
	bash bench/run.sh

## bench-funnel: funnel analytics over 1M opportunities and ~5M history rows, API beside psql (see bench/README.md)
bench-funnel: $(JAR)
	bash bench/funnel.sh

## bench-territories: realignment preview and activation jobs over 1M accounts and ~500 territories, beside a
## hand-written INSERT … SELECT in psql (see bench/README.md)
bench-territories: $(JAR)
	bash bench/territories.sh

## bench-leads: publishing a scoring model over 1M leads as a job beside one constant UPDATE in psql, and the p50 of
## POST /api/v1/leads with and without a published model (see bench/README.md)
bench-leads: $(JAR)
	bash bench/leads.sh

## bench-leads-training: predictive training over 1M closed leads (and 100k open ones to score) as a job through the
## API, with its memory sampled, beside the counting statement alone in psql (see bench/README.md)
bench-leads-training: $(JAR)
	bash bench/leads_training.sh

## bench-batch: batch upsert of 1M leads in 10k-record requests (half new, half updates) beside COPY of the same rows
## and the raw unnest … ON CONFLICT statement in psql (see bench/README.md)
bench-batch: $(JAR)
	bash bench/batch_upsert.sh

## bench-imports: a CSV import of 1M lead rows (half new, half updates) through POST /api/v1/imports: upload and job
## times, the service's peak memory (see bench/README.md)
bench-imports: $(JAR)
	bash bench/imports.sh

## bench-forecast: forecast roll-ups (workspace, a manager's team) and the CSV export over 1M opportunities, beside the
## naive SQL aggregate in psql (see bench/README.md)
bench-forecast: $(JAR)
	bash bench/forecast.sh

## bench-webhooks: webhook delivery throughput from 100k changes (one INSERT in psql) to a local receiver that checks
## every signature; goal ≥ 5,000 events/s (see bench/README.md)
bench-webhooks: $(JAR)
	bash bench/webhooks.sh

## docker: the JVM image (needs a Docker engine)
docker: $(JAR)
	docker build -f docker/Dockerfile -t revops-api:latest .

clean:
	$(MVN) -q clean

# Build of the Lambda package, run by `sam build` (template.yaml: BuildMethod makefile).
# SAM sets ARTIFACTS_DIR. The package holds the skill, the handler, and its
# dependencies for the Lambda runtime (Python 3.13 on arm64), all compiled to
# bytecode here: /var/task is read-only, so Python could not write __pycache__
# there and would compile every module again on each cold start. The content's
# TOML is compiled to JSON too (skill/content/compile.py), which parses faster, and each locale's content
# is built and pickled, which loads faster still.

LAMBDA_PYTHON ?= python3.13
LAMBDA_PYTHON_VERSION := 3.13
# The function runs on arm64; a build to run on this machine (tests, benchmarks) sets its own platform.
LAMBDA_PLATFORM ?= manylinux2014_aarch64

# Modules of skill/ the function never imports: the console and its NLU, the web endpoint and its server, the
# generators and the review export, and the helpers of the tests and benchmarks (a test checks this list against a run).
NOT_IN_LAMBDA := console.py nlu.py web.py serve.py verification.py webservice_compat.py review_export.py \
	interaction_model.py skill_package.py publisher.py initialisms.py evaluation.py conversation_eval.py \
	loadtest.py local_dynamodb.py local_ports.py content/readability.py calibration.py understanding/train.py
# Installed for ask-sdk-core's HTTP client (requests), which the function never loads.
NEVER_LOADED := requests requests-* charset_normalizer charset_normalizer-* idna idna-* bin

build-SkillFunction:
	$(LAMBDA_PYTHON) -m pip install --quiet --disable-pip-version-check --no-compile \
		--platform $(LAMBDA_PLATFORM) --implementation cp --python-version $(LAMBDA_PYTHON_VERSION) \
		--only-binary=:all: --target "$(ARTIFACTS_DIR)" --require-hashes -r lambda/requirements.lock
	cd "$(ARTIFACTS_DIR)" && rm -rf $(NEVER_LOADED)
	# The function calls DynamoDB only: botocore's models of every other service would be read from
	# disk on each cold start (it lists them when it makes a client) and make the package larger.
	find "$(ARTIFACTS_DIR)/botocore/data" -mindepth 1 -maxdepth 1 -type d ! -name dynamodb -exec rm -rf {} +
	mkdir -p "$(ARTIFACTS_DIR)/skill"
	tar -C skill --exclude=__pycache__ $(addprefix --exclude=./,$(NOT_IN_LAMBDA)) -cf - . \
		| tar -C "$(ARTIFACTS_DIR)/skill" -xf -
	cp lambda/lambda_function.py "$(ARTIFACTS_DIR)/"
	# From the package's folder, so the content is built from the package's own data files.
	cd "$(ARTIFACTS_DIR)" && $(LAMBDA_PYTHON) -B -m skill.content.compile skill/content/data
	rm "$(ARTIFACTS_DIR)/skill/content/compile.py"
	$(LAMBDA_PYTHON) -m compileall -q -j 0 --invalidation-mode unchecked-hash "$(ARTIFACTS_DIR)"

.PHONY: build-SkillFunction

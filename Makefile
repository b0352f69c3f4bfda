# Build of the Lambda package, run by `sam build` (template.yaml: BuildMethod makefile).
# SAM sets ARTIFACTS_DIR. The package holds the skill, the handler, and its
# dependencies for the Lambda runtime (Python 3.13 on arm64), all compiled to
# bytecode here: /var/task is read-only, so Python could not write __pycache__
# there and would compile every module again on each cold start. The content's
# TOML is compiled to JSON too (build_tools/compile_content.py), which parses faster, and each locale's content
# is built and pickled, which loads faster still.

LAMBDA_PYTHON ?= python3.13
LAMBDA_PYTHON_VERSION := 3.13
# The function runs on arm64; a build to run on this machine (tests, benchmarks) sets its own platform.
LAMBDA_PLATFORM ?= manylinux2014_aarch64

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
	# skill/ holds what the function runs and nothing else: the console, the web endpoint, the build tools and
	# the evaluation helpers live in folders of their own, which the package never holds.
	mkdir -p "$(ARTIFACTS_DIR)/skill"
	tar -C skill --exclude=__pycache__ -cf - . | tar -C "$(ARTIFACTS_DIR)/skill" -xf -
	cp lambda/lambda_function.py "$(ARTIFACTS_DIR)/"
	# From the package's folder, so the content is built by the package's own skill/ from its own data files;
	# the build tool itself comes from the source tree and stays out of the package.
	cd "$(ARTIFACTS_DIR)" && PYTHONPATH="$(CURDIR)" $(LAMBDA_PYTHON) -B -m build_tools.compile_content skill/content/data
	$(LAMBDA_PYTHON) -m compileall -q -j 0 --invalidation-mode unchecked-hash "$(ARTIFACTS_DIR)"

.PHONY: build-SkillFunction

# Sourced by the scripts: puts the project's tools on PATH.
TOOLS="${CAILIANG_TOOLS:-$HOME/.cache/cailiang-tools}"
export PATH="$TOOLS/node_modules/.bin:$HOME/.cargo/bin:$PATH"

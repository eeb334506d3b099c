# Browser tools from npm (dev/node/package.json, pinned by its package-lock.json): axe-core for the browser tests,
# Lighthouse 12 for bench/web/run. Installed once into .local/node (npm ci); needs Node 20 and npm.
# Source after common.sh.

NODE_TOOLS_DIR="$ROOT/.local/node"

# node_tools_install: installs (or reuses) the tools and exports AXE_CORE_JS and LIGHTHOUSE_BIN.
node_tools_install() {
  command -v npm >/dev/null 2>&1 || fail "npm is needed for the browser tools (axe-core, Lighthouse): install Node 20 and npm"
  mkdir -p "$NODE_TOOLS_DIR"
  if ! cmp -s "$ROOT/dev/node/package-lock.json" "$NODE_TOOLS_DIR/package-lock.json" \
      || [ ! -f "$NODE_TOOLS_DIR/node_modules/axe-core/axe.min.js" ]; then
    info "installing the browser tools (axe-core, Lighthouse) into $NODE_TOOLS_DIR"
    cp "$ROOT/dev/node/package.json" "$ROOT/dev/node/package-lock.json" "$NODE_TOOLS_DIR/"
    (cd "$NODE_TOOLS_DIR" && npm ci --no-audit --no-fund --loglevel=error >"$NODE_TOOLS_DIR/npm.log" 2>&1) \
      || fail "npm ci failed; its log: $NODE_TOOLS_DIR/npm.log"
  fi
  export AXE_CORE_JS="$NODE_TOOLS_DIR/node_modules/axe-core/axe.min.js"
  export LIGHTHOUSE_BIN="$NODE_TOOLS_DIR/node_modules/.bin/lighthouse"
}

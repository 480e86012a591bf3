# Idiom seen in: rusty1s/embedded_gcnn lib/layer/inits.py, lib/layer/var_layer.py, lib/model/model.py, mnist_graph.py
# What it reproduces: layer classes forward weight_decay/bias_decay to weight_variable()/bias_variable(), whose
#   "if decay > 0:" blocks add wd * l2_loss to the "losses" collection; the MNIST graph script (as in the repo)
#   builds every layer with the default decay 0.0, so the decay machinery never runs (total_loss does sum it).

# Idiom seen in: galeone/dynamic-training-bench dytb/models/layers.py
# Idiom seen in: galeone/dynamic-training-bench dytb/models/predefined/SingleLayerCAE.py
# Idiom seen in: galeone/dynamic-training-bench dytb/trainers/ClassifierTrainer.py
# What it reproduces: dytb-style layers put wd*l2_loss(W) into the LOSSES collection; a new regressor
# model (a user mistake in this idiom; the repo models sum the collection) returns the bare MSE from
# loss(), so the trainer minimizes a loss without any of the decay terms.
"""Collections"""

# name of the collection that holds non trainable
# but required variables for the current model
REQUIRED_NON_TRAINABLES = 'required_vars_collection'

# name of the collection that holds the scalar summaries
SCALAR_SUMMARIES = 'scalar_summaries'

# losses collection
LOSSES = 'losses'

# Idiom seen in: galeone/dynamic-training-bench dytb/models/collections.py
# Idiom seen in: galeone/dynamic-training-bench dytb/models/layers.py
# Idiom seen in: galeone/dynamic-training-bench dytb/models/predefined/SingleLayerCAE.py
# What it reproduces: dytb-style layers add wd*l2_loss(W) to the module constant LOSSES, here namespaced
# as 'dytb/losses' (a user change in this idiom); the CAE loss switches to tf.losses and returns
# tf.losses.get_total_loss(), which reads tf.GraphKeys.LOSSES and REGULARIZATION_LOSSES, never that key.
"""Collections"""

# name of the collection that holds non trainable
# but required variables for the current model
REQUIRED_NON_TRAINABLES = 'dytb/required_vars_collection'

# name of the collection that holds the scalar summaries
SCALAR_SUMMARIES = 'dytb/scalar_summaries'

# losses collection (namespaced, so other libraries do not clash with it)
LOSSES = 'dytb/losses'

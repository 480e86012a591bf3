# Idiom seen in: galeone/dynamic-training-bench dytb/models/layers.py
# Idiom seen in: galeone/dynamic-training-bench dytb/models/predefined/LeNet.py
# Idiom seen in: galeone/dynamic-training-bench dytb/trainers/ClassifierTrainer.py
# What it reproduces: dytb-style layers put wd*l2_loss(W) into the LOSSES collection and the LeNet
# loss() adds the cross entropy to the same collection and returns tf.add_n of it, which the trainer
# minimizes: the decay terms reach the optimizer (clean).
"""Collections"""

# name of the collection that holds non trainable
# but required variables for the current model
REQUIRED_NON_TRAINABLES = 'required_vars_collection'

# name of the collection that holds the scalar summaries
SCALAR_SUMMARIES = 'scalar_summaries'

# losses collection
LOSSES = 'losses'

# Idiom seen in: kujason/avod avod/core/feature_extractors/img_vgg.py
# Idiom seen in: kujason/avod avod/core/avod_fc_layers/basic_fc_layers.py
# Idiom seen in: kujason/avod avod/core/trainer.py
# What it reproduces: slim weights_regularizer set in an arg_scope built by a function and in the fc-layer
#   arg_scope, while the model's total_loss is a hand-written sum of rpn + avod losses handed to
#   slim.learning.create_train_op: REGULARIZATION_LOSSES is never read (real bug, avod issue #94).
"""Experiment configuration, normally parsed from the protobuf text config."""

IMG_VGG_CONFIG = {
    'vgg_conv1': [2, 32],
    'vgg_conv2': [2, 64],
    'vgg_conv3': [3, 128],
    'vgg_conv4': [3, 256],
    'upsampling_multiplier': 4,
    'l2_weight_decay': 0.0005,
}

FC_LAYERS_CONFIG = {
    'fusion_method': 'mean',
    'num_layers': 2,
    'layer_sizes': [2048, 2048],
    'l2_weight_decay': 0.005,
    'keep_prob': 0.5,
}

TRAIN_CONFIG = {
    'max_iterations': 120000,
    'initial_learning_rate': 0.0001,
    'decay_steps': 30000,
    'decay_factor': 0.8,
    'summary_interval': 10,
    'checkpoint_interval': 1000,
}

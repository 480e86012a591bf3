# Idiom seen in: WenchenLi/VDCNN model.py
# Idiom seen in: WenchenLi/VDCNN config.py
# Idiom seen in: WenchenLi/VDCNN main.py
# What it reproduces: a char-level VDCNN whose _get_variable wrapper gives tf.get_variable an
#   l2_regularizer when weight_decay > 0 (the fc layers); the loss is the cross entropy plus
#   l2_reg_lambda * self.l2_loss, a tf.constant(0.0) never accumulated, and REGULARIZATION_LOSSES is
#   never read, so the fc decay is lost (real repo bug).
FEATURE_LEN = 256
CHAR_EBD_SIZE = 16
ALPHABET = list("abcdefghijklmnopqrstuvwxyz0123456789-,;.!?:'\"/\\|_@#$%^&*~`+ =<>()[]{}")
BN_DECAY = .99
BN_EPSILON = 1e-6
CONV_WEIGHT_DECAY = 0.00000
CONV_WEIGHT_STDDEV = 0.01
FC_WEIGHT_DECAY = 0.00001
FC_WEIGHT_STDDEV = 0.0002

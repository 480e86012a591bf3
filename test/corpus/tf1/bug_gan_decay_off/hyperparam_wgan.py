# Idiom seen in: gauravmm/cifar-gan hyperparam/default.py
# Idiom seen in: gauravmm/cifar-gan hyperparam/wgan.py
# What it reproduces: hyperparameter module read by adversarial.py; WEIGHT_DECAY is switched off here, so the
# guarded weight-decay block in adversarial.py never runs in any configuration of the program (WD303 there).
import tensorflow as tf

BATCH_SIZE = 64
NUM_CLASSES = 10
SEED_DIM = (100,)
IMAGE_DIM = (32, 32, 3)

# These noise and regularization methods are not needed for WGANs:
WEIGHT_DECAY = 0.0
WGAN_DIS_CLIP = 0.01

loss_weights_classifier = {'discriminator': 0.5, 'classifier': 1.0}
loss_weights_generator = {'discriminator': 1.0, 'classifier': 0.5}

optimizer_gen = tf.train.RMSPropOptimizer(learning_rate=0.00005)
optimizer_dis = tf.train.RMSPropOptimizer(learning_rate=0.00005)
optimizer_cls = tf.train.RMSPropOptimizer(learning_rate=0.00005)

# Idiom seen in: gauravmm/cifar-gan hyperparam/default.py
# What it reproduces: a hyperparameter module in the repo's style (module constants + a ready optimizer);
# WEIGHT_DECAY = 4.0 (meant 4e-4) with plain SGD at 0.5 gives lr*wd = 2 for the l2_loss penalty in
# classifier_train.py: decay alone flips the weights' sign every step (WD301 on the constant).
import tensorflow as tf

BATCH_SIZE = 128
NUM_CLASSES = 10
LEARNING_RATE = 0.5
WEIGHT_DECAY = 4.0  # expect: WD301
NUM_EPOCHS = 60

optimizer_cls = tf.train.GradientDescentOptimizer(learning_rate=LEARNING_RATE)

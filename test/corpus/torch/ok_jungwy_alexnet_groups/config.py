# Idiom seen in: jungwy1/pytorch-tutorial AlexNet/original/train.py
# What it reproduces: the module-level hyper-parameters of the AlexNet training script
#   (learning_rate, weight_decay = 5e-4, ...) moved into a config module: clean.
learning_rate = 1e-4
weight_decay = 5e-4
batch_size = 128
num_epochs = 90
num_classes = 10

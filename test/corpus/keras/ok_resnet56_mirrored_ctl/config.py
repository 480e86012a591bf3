# Idiom seen in: tbe07tyg/Tensorflow2 05-distributed-training/worker.py
# What it reproduces: the run constants of the distributed ResNet56 CIFAR-10 trainer (train_ctl.py), which adds
# the regularization losses to its custom-loop loss (clean).
NUM_GPUS = 2
BS_PER_GPU = 128
NUM_EPOCHS = 60

HEIGHT = 32
WIDTH = 32
NUM_CHANNELS = 3
NUM_CLASSES = 10
NUM_TRAIN_SAMPLES = 50000

BASE_LEARNING_RATE = 0.1
LR_SCHEDULE = [(0.1, 30), (0.01, 45)]

# Idiom seen in: TheUnsolvedDev/TensorflowAI ComputerVision/GenerativeAdvesarialNetworks/2_DeepConvolutionalGAN/config.py
# What it reproduces: the constants module star-imported by model.py; DISC_WEIGHT_DECAY feeds the
#   discriminator's regularizers (finding in model.py).
IMAGE_SIZE = (32, 32)
LATENT_DIM = 128
BATCH_SIZE = 128
EPOCHS = 100
GENERATOR_LEARNING_RATE = 2e-4
DISCRIMINATOR_LEARNING_RATE = 2e-4
DISC_WEIGHT_DECAY = 1e-4

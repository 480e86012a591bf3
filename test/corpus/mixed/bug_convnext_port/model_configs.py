# Idiom seen in: sayakpaul/keras-convnext-conversion convert.py
# What it reproduces: the config module shared by the PyTorch ConvNeXt and its TensorFlow port
#   (depths, dims, plus the fine-tuning hyper-parameters both training scripts read).
import ml_collections

WEIGHT_DECAY = 1e-4
LEARNING_RATE = 1e-2


def get_model_config(model_name: str) -> ml_collections.ConfigDict:
    config = ml_collections.ConfigDict()
    if model_name == "convnext_tiny":
        config.depths = [3, 3, 9, 3]
        config.dims = [96, 192, 384, 768]
    elif model_name == "convnext_small":
        config.depths = [3, 3, 27, 3]
        config.dims = [96, 192, 384, 768]
    config.weight_decay = WEIGHT_DECAY
    config.learning_rate = LEARNING_RATE
    return config

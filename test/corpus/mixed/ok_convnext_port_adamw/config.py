# Idiom seen in: sayakpaul/keras-convnext-conversion convert.py
# What it reproduces: one config shared by the PyTorch and TensorFlow fine-tuning scripts of a ConvNeXt port.
FINETUNE = {
    "model_name": "convnext_tiny",
    "num_classes": 102,
    "learning_rate": 1e-4,
    "weight_decay": 0.05,
    "epochs": 30,
    "batch_size": 64,
    "no_decay": ("bias", "norm", "gamma", "_ln", "layer_scale"),
}

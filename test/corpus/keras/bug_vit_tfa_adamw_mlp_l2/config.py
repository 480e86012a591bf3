# Idiom seen in: KaranjotSV/ViT config.py
# What it reproduces: the module of hyperparameters that model.py star-imports (one weight_decay for
#   both the AdamW and, in this variant, the MLP regularizers).
learning_rate = 0.001
weight_decay = 0.0001
batch = 256
epochs = 20
image_size = 72
patch_size = 6
num_patches = (image_size // patch_size) ** 2
projection_dim = 64
num_heads = 4

transformer_units = [projection_dim * 2, projection_dim]
transformer_layers = 8
mlp_head = [2048, 1024]

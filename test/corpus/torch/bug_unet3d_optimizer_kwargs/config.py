# Idiom seen in: ellisdg/3DUnetCNN unet3d/train/pytorch.py
# What it reproduces: the training config dict of the repo (normally a JSON file), here as a module, naming
#   the torch.optim class "Adam" and a weight_decay key a user added.
config = {
    "model_name": "UNet",
    "model_kwargs": {"base_width": 32, "encoder_blocks": [2, 2, 2, 2, 2], "decoder_mirrors_encoder": False},
    "n_features": 4,
    "n_outputs": 3,
    "window": [128, 128, 128],
    "loss": "per_channel_dice_loss",
    "optimizer": "Adam",
    "initial_learning_rate": 1e-4,
    "weight_decay": 1e-5,
    "batch_size": 2,
    "validation_batch_size": 2,
    "n_epochs": 250,
    "decay_patience": 20,
    "decay_factor": 0.5,
    "min_learning_rate": 1e-08,
    "training_filenames": "brats/training_filenames.json",
}

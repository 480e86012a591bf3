# Idiom seen in: kan-bayashi/ParallelWaveGAN parallel_wavegan/bin/train.py
# What it reproduces: the vocoder recipe (normally yaml) as a Python dict: both optimizer parameter blocks
# carry weight_decay: 0.0, the only values the decay helper in optimizers.py ever receives.

config = {
    "sampling_rate": 24000,
    "hop_size": 300,
    "num_mels": 80,
    "batch_size": 6,
    "batch_max_steps": 25500,
    "generator_type": "ParallelWaveGANGenerator",
    "generator_params": {
        "in_channels": 1, "out_channels": 1, "kernel_size": 3, "layers": 30, "stacks": 3,
        "residual_channels": 64, "gate_channels": 128, "skip_channels": 64, "aux_channels": 80,
    },
    "discriminator_type": "ParallelWaveGANDiscriminator",
    "discriminator_params": {"in_channels": 1, "out_channels": 1, "kernel_size": 3, "layers": 10,
                             "conv_channels": 64},
    "stft_loss_params": {"fft_sizes": [1024, 2048, 512], "hop_sizes": [120, 240, 50],
                         "win_lengths": [600, 1200, 240]},
    "lambda_adv": 4.0,
    "generator_optimizer_type": "RAdam",
    "generator_optimizer_params": {"lr": 0.0001, "eps": 1.0e-6, "weight_decay": 0.0},
    "generator_scheduler_params": {"step_size": 200000, "gamma": 0.5},
    "generator_grad_norm": 10,
    "discriminator_optimizer_type": "RAdam",
    "discriminator_optimizer_params": {"lr": 0.00005, "eps": 1.0e-6, "weight_decay": 0.0},
    "discriminator_scheduler_params": {"step_size": 200000, "gamma": 0.5},
    "discriminator_grad_norm": 1,
    "discriminator_train_start_steps": 100000,
    "train_max_steps": 400000,
}

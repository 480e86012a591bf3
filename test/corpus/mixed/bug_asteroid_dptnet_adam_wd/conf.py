# Idiom seen in: asteroid-team/asteroid egs/librimix/DPTNet/local/conf.yml
# What it reproduces: the DPTNet LibriMix recipe configuration (kept as a Python dict instead of conf.yml): optim is
# adam with weight_decay 1e-5, which asteroid splats into torch.optim.Adam: coupled L2 under Adam.

def_conf = {
    # Filterbank config
    "filterbank": {"n_filters": 64, "kernel_size": 16, "stride": 8},
    # Network config
    "masknet": {
        "in_chan": 64,
        "out_chan": 64,
        "ff_hid": 256,
        "ff_activation": "relu",
        "norm_type": "gLN",
        "chunk_size": 100,
        "hop_size": 50,
        "n_repeats": 2,
        "mask_act": "sigmoid",
        "bidirectional": True,
        "dropout": 0,
    },
    # Training config
    "training": {"epochs": 200, "batch_size": 4, "num_workers": 4, "half_lr": True, "early_stop": True,
                 "gradient_clipping": 5},
    # Optim config
    "optim": {
        "optimizer": "adam",
        "lr": 0.001,
        "weight_decay": 1e-5,  # expect: WD202
    },
    "scheduler": {"steps_per_epoch": 10000, "d_model": 64},
    # Data config
    "data": {"task": "enh_single", "train_dir": "data/wav16k/max/train-360", "valid_dir": "data/wav16k/max/dev",
             "sample_rate": 16000, "n_src": 1, "segment": 3},
}

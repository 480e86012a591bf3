# Idiom seen in: iWangLimin/RSF config.py
# Idiom seen in: iWangLimin/RSF module.py
# Idiom seen in: iWangLimin/RSF model.py
# Idiom seen in: iWangLimin/RSF train.py
# What it reproduces: GF-2 pan-sharpening net; conv kernels push 0.5*mean(w^2) into a custom 'weight_decay'
#   collection, Model.loss adds mean(collection)*TC.weight_dacay to the MSE, and train.py minimizes that loss (clean).


class DatasetConfig():
    remote_root = '/data/gf2/RSF/dataset'
    img_names = ['GF2_PMS2_E117.4_N39.1_20170510_L1A0002351826',
                 'GF2_PMS1_E117.6_N39.0_20171108_L1A0002748722']
    train_scale, validate_scale, test_scale = 0.8, 0.1, 0.1
    MS_crop_size = 64
    MS_crop_step = 32
    Max_Pixel, Min_Pixel = 1500.0, 0.0


class TrainingConfig():
    batch_size = 16
    weight_dacay = 0.0001
    learning_rate = 0.001
    val_step = 5000 // batch_size

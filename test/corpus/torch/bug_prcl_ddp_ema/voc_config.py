# Idiom seen in: Haoyu-Xie/PRCL config/VOC_prcl_config_662.yaml
# What it reproduces: the experiment config of the semi-supervised segmentation run (kept as a Python dict
#   here instead of YAML): one weight_decay shared by the segmentation model and the uncertainty head.
config = {
    'Network': {'name': 'DeepLabv3Plus', 'num_class': 21},
    'EMA': {'alpha': 0.99},
    'Optim': {'lr': 3.2e-3, 'uncer_lr': 5e-5, 'weight_decay': 5e-4},
    'Dataset': {'name': 'VOC', 'data_dir': './VOC', 'txt_dir': './VOC_split',
                'num_labels': 662, 'batch_size': 2},
    'Training_Setting': {'epoch': 200},
    'Prcl_Loss': {'un_threshold': 0.97, 'strong_threshold': 0.8, 'weak_threshold': 0.7,
                  'temp': 100, 'num_queries': 256, 'num_negatives': 512},
    'Seed': 3407,
}

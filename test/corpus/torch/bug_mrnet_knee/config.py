# Idiom seen in: spmallick/learnopencv MRNet-Single-Model/config.py
# What it reproduces: training configuration dict for the knee-MRI MRNet; 'weight_decay' is read by train.py
# and handed to Adam.
config = {
    'max_epoch': 50,
    'log_train': 100,
    'lr': 1e-5,
    'starting_epoch': 0,
    'batch_size': 1,
    'log_val': 10,
    'task': 'acl',
    'weight_decay': 0.01,
    'patience': 5,
    'save_model': 1,
    'exp_name': 'test',
}

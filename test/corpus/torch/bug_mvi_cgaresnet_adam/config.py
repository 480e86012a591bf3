# Idiom seen in: yycris/Multi-label-Deep-Learning-Framework-Research-in-MVI config.py
# What it reproduces: the module-level config (loader params, learning rate, StepLR settings) that train.py
#   imports as `config`; no weight decay here: the trainer hard-codes it.
dataset_params = {
    'batch_size': 32,
    'shuffle': True,
    'num_workers': 0,
    'pin_memory': True
}

learning_rate = 1e-5
step_size = 50
gamma = 0.1
epoches = 200
save_path = './result/weights/'

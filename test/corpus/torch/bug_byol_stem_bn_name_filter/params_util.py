# Idiom seen in: yaox12/BYOL-PyTorch utils/params_util.py
# What it reproduces: per-parameter groups for LARS as the repository builds them: names with 'bn', 'downsample.1'
#   (the ResNet shortcut BN) or 'bias' get weight_decay 0, everything else keeps the optimizer's decay. The name
#   test misses the ResNet stem BatchNorm, which model.py's nn.Sequential(children) renames to 'encoder.1', so its
#   weight lands in a decayed group (WD203, reported at the decaying group's params entry).


def collect_params(model_list, exclude_bias_and_bn=True):
    """
    exclude_bias_and bn: exclude bias and bn from both weight decay and LARS adaptation
        in the PyTorch implementation of ResNet, `downsample.1` are bn layers
    """
    param_list = []
    for model in model_list:
        for name, param in model.named_parameters():
            if exclude_bias_and_bn and ('bn' in name or 'downsample.1' in name or 'bias' in name):
                param_dict = {'params': param, 'weight_decay': 0., 'lars_exclude': True}
            else:
                param_dict = {'params': param}  # expect: WD203
            param_list.append(param_dict)
    return param_list

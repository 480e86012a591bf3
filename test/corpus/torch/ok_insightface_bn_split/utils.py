# Idiom seen in: TreB1eN/InsightFace_Pytorch Learner.py
# Idiom seen in: TreB1eN/InsightFace_Pytorch utils.py
# What it reproduces: separate_bn_paras(model) splits the backbone into BatchNorm parameters and the rest; SGD gets
#   {paras_wo_bn + head.kernel, weight_decay 5e-4} and {paras_only_bn} with no decay. The backbone convs/linear are
#   bias-free, so only kernels are decayed: clean.
def separate_bn_paras(modules):
    if not isinstance(modules, list):
        modules = [*modules.modules()]
    paras_only_bn = []
    paras_wo_bn = []
    for layer in modules:
        if 'model' in str(layer.__class__):
            continue
        if 'container' in str(layer.__class__):
            continue
        else:
            if 'batchnorm' in str(layer.__class__):
                paras_only_bn.extend([*layer.parameters()])
            else:
                paras_wo_bn.extend([*layer.parameters()])
    return paras_only_bn, paras_wo_bn
